// next-auth's session cookie: `__Secure-` over https, and split into `.0`, `.1`… when large.
export const SESSION_COOKIE_PATTERN = /^(__Secure-)?next-auth\.session-token/;
