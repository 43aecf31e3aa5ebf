import { TeamAdmin } from '@/components/admin/team-admin';
import { requireUser } from '@/lib/auth/guard';
import { ADMIN_ROLES } from '@/lib/auth/roles';
import { listUsers } from '@/lib/users/list-users';

export default async function AdminUsersPage() {
  const admin = await requireUser(ADMIN_ROLES);
  const users = await listUsers();
  return (
    <section className="mx-auto max-w-5xl p-6">
      <h1 className="text-lg font-semibold">Team</h1>
      <p className="mt-1 text-sm text-slate-600">Add people, set their role and capacity, and disable access.</p>
      <TeamAdmin users={users.map((user) => ({ ...user, createdAt: user.createdAt.toISOString() }))} currentUserId={admin.id} />
    </section>
  );
}
