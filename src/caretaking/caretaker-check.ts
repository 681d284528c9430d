import { EntityManager } from 'typeorm';
import { AuthUser, isStaff } from '../common/auth/roles';
import { forbidden } from '../common/errors/domain-error';

/** A caretaker acts on their own buildings only (403 otherwise); staff on any. */
export async function checkBuilding(m: EntityManager, buildingId: string, caller: AuthUser): Promise<void> {
  if (isStaff(caller)) return;
  const [row] = await m.query<unknown[]>(
    'SELECT 1 FROM building_caretakers WHERE building_id = $1 AND user_id = $2',
    [buildingId, caller.id],
  );
  if (!row) throw forbidden('Only a caretaker of this building may do this');
}
