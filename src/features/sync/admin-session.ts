// The admin's account token lives for the browser tab only (sessionStorage): the admin page
// is used on a shared computer at cấp trên as often as on a phone.
const KEY = 'scd-admin-token';

export function adminSession(): string | null {
  try {
    return sessionStorage.getItem(KEY);
  } catch {
    return null;
  }
}

export function setAdminSession(token: string | null): void {
  try {
    if (token) sessionStorage.setItem(KEY, token);
    else sessionStorage.removeItem(KEY);
  } catch {
    // private mode without storage: the token lives in memory only (the page state)
  }
}
