'use client';

import { stackedTable } from '@/components/ui/stacked-table';
import { CreateUserForm } from './create-user-form';
import { TeamMemberRow, type TeamMember } from './team-member-row';

export function TeamAdmin({ users, currentUserId }: { users: TeamMember[]; currentUserId: string }) {
  return (
    <div className="mt-6 flex flex-col gap-8">
      <CreateUserForm />
      <div className="overflow-x-auto">
      <table className={`w-full border-collapse text-left text-sm ${stackedTable.table}`}>
        <caption className="sr-only">Team members</caption>
        <thead className={`border-b border-slate-200 text-xs uppercase tracking-wide text-slate-500 ${stackedTable.head}`}>
          <tr>
            <th scope="col" className="py-2 pr-3 font-medium">Name</th>
            <th scope="col" className="py-2 pr-3 font-medium">Role</th>
            <th scope="col" className="py-2 pr-3 font-medium">Capacity</th>
            <th scope="col" className="py-2 pr-3 font-medium">Status</th>
            <th scope="col" className="py-2 font-medium"><span className="sr-only">Actions</span></th>
          </tr>
        </thead>
        <tbody className={stackedTable.body}>
          {users.map((user) => (
            <TeamMemberRow key={user.id} user={user} isSelf={user.id === currentUserId} />
          ))}
        </tbody>
      </table>
      </div>
    </div>
  );
}
