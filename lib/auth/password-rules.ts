// Shared by the server (hashing) and the forms (validation), so it must not import argon2.
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 256;
