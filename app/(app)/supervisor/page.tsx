import { FloorConsole } from '@/components/supervisor/floor-console';
import { requireUser } from '@/lib/auth/guard';
import { SUPERVISOR_ROLES } from '@/lib/auth/roles';

export default async function SupervisorPage() {
  const user = await requireUser(SUPERVISOR_ROLES);
  return (
    <div className="h-full overflow-y-auto">
      <FloorConsole viewerId={user.id} />
    </div>
  );
}
