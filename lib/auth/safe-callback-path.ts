/** Only same-origin paths may follow a sign-in; anything else (an open redirect) → /inbox. */
export function safeCallbackPath(candidate: string | undefined): string {
  if (!candidate) return '/inbox';
  let path = candidate;
  try {
    // next-auth hands back absolute URLs of this app; keep their path.
    if (/^https?:\/\//.test(candidate)) {
      const url = new URL(candidate);
      path = `${url.pathname}${url.search}`;
    }
  } catch {
    return '/inbox';
  }
  if (!path.startsWith('/') || path.startsWith('//') || path.startsWith('/\\') || path.startsWith('/login')) return '/inbox';
  return path;
}
