/**
 * Rooms and their sections as a forest. The one place that says which rooms clash: a room clashes with
 * itself, its ancestors and its descendants, never with its siblings. Equivalently, two rooms clash
 * when the sets of leaf rooms they occupy intersect; the exclusion constraint in the database works on
 * those leaves.
 */
export interface RoomNode {
  id: string;
  parentRoomId: string | null;
}

export class RoomTree {
  private readonly parent = new Map<string, string | null>();
  private readonly children = new Map<string, string[]>();

  constructor(rooms: RoomNode[]) {
    for (const room of rooms) {
      this.parent.set(room.id, room.parentRoomId);
      if (!this.children.has(room.id)) this.children.set(room.id, []);
    }
    for (const room of rooms) {
      if (room.parentRoomId && this.parent.has(room.parentRoomId)) {
        this.children.get(room.parentRoomId)!.push(room.id);
      }
    }
    for (const list of this.children.values()) list.sort();
  }

  has(id: string): boolean {
    return this.parent.has(id);
  }

  ancestors(id: string): string[] {
    const out: string[] = [];
    for (
      let p = this.parent.get(id) ?? null;
      p !== null && !out.includes(p);
      p = this.parent.get(p) ?? null
    ) {
      out.push(p);
    }
    return out;
  }

  descendants(id: string): string[] {
    const out: string[] = [];
    const stack = [...(this.children.get(id) ?? [])];
    while (stack.length > 0) {
      const next = stack.pop()!;
      out.push(next);
      stack.push(...(this.children.get(next) ?? []));
    }
    return out.sort();
  }

  /** The rooms a booking of `id` blocks: itself, its ancestors and its descendants. */
  clashSet(id: string): string[] {
    return [id, ...this.ancestors(id), ...this.descendants(id)];
  }

  /** The leaf rooms `id` occupies: itself when it has no sections, otherwise every leaf below it. */
  leaves(id: string): string[] {
    const below = this.descendants(id).filter((d) => (this.children.get(d) ?? []).length === 0);
    return below.length > 0 ? below : [id];
  }

  /** Whether making `parentId` the parent of `id` would close a cycle. */
  wouldCycle(id: string, parentId: string): boolean {
    return parentId === id || this.ancestors(parentId).includes(id);
  }
}
