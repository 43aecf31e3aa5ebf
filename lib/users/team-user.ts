import type { Role } from '@/lib/auth/roles';

// What the admin screen and API show of a user (never the password hash).
export const TEAM_USER_SELECT = {
  id: true,
  email: true,
  name: true,
  role: true,
  active: true,
  availability: true,
  capacity: true,
  createdAt: true,
} as const;

export type TeamUser = {
  id: string;
  email: string;
  name: string;
  role: Role;
  active: boolean;
  availability: 'AVAILABLE' | 'AWAY';
  capacity: number;
  createdAt: Date;
};
