export const ROLES = ['admin', 'staff', 'caretaker', 'analyst', 'applicant'] as const;
export type Role = (typeof ROLES)[number];

/** The signed-in caller, as the guard puts it on the request. */
export interface AuthUser {
  id: string;
  email: string;
  name: string;
  roles: Role[];
  locale: 'nb' | 'en';
  /** The session (token or browser) this request was authenticated with. */
  sessionId?: string;
  /** How it came: a bearer header or the browser's session cookie. */
  via?: 'bearer' | 'cookie';
}

export const hasRole = (user: AuthUser, ...roles: Role[]): boolean =>
  user.roles.includes('admin') || roles.some((r) => user.roles.includes(r));

export const isStaff = (user: AuthUser): boolean => hasRole(user, 'staff');
