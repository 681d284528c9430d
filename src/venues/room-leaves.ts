import { EntityManager, In } from 'typeorm';
import { RoomTree } from '../core/venues/room-tree';
import { RoomLeaf } from './room-leaf.entity';
import { Room } from './room.entity';

/**
 * Recomputes which leaf rooms each room of a building occupies, changing only rows that differ. The
 * bookings' claims follow room_leaves (database triggers), so a change that would make approved
 * bookings clash fails with an exclusion violation and rolls back.
 */
export async function rebuildRoomLeaves(m: EntityManager, buildingId: string): Promise<void> {
  const rooms = await m.find(Room, { where: { buildingId }, select: { id: true, parentRoomId: true } });
  const tree = new RoomTree(rooms);
  const wanted = rooms.flatMap((r) => tree.leaves(r.id).map((leafId) => ({ roomId: r.id, leafId })));
  const existing = await m.find(RoomLeaf, { where: { roomId: In(rooms.map((r) => r.id)) } });
  const key = (l: { roomId: string; leafId: string }): string => `${l.roomId}/${l.leafId}`;
  const want = new Set(wanted.map(key));
  const have = new Set(existing.map(key));
  for (const l of existing.filter((e) => !want.has(key(e)))) {
    await m.delete(RoomLeaf, { roomId: l.roomId, leafId: l.leafId });
  }
  const added = wanted.filter((w) => !have.has(key(w)));
  if (added.length > 0) await m.insert(RoomLeaf, added);
}
