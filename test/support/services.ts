import { INestApplicationContext, Type } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { servicesContext } from '../../src/app.module';
import type { AuthUser } from '../../src/common/auth/roles';
import { loadConfig } from '../../src/config/config';
import { BuildingsService } from '../../src/venues/buildings.service';
import { RoomsService } from '../../src/venues/rooms.service';
import { cloneTemplate, dropDatabase } from './db';
import { testEnv } from './test-app';

/**
 * The middle tier: the services of the given modules on a cloned database of their own, without
 * HTTP, so a failure points at a service's query rather than a route.
 */
export interface ServiceWorld {
  ctx: INestApplicationContext;
  dataSource: DataSource;
  get<T>(type: Type<T>): T;
  /** A staff user in the database, to act as. */
  staff: AuthUser;
  close(): Promise<void>;
}

export async function startServices(modules: Type[]): Promise<ServiceWorld> {
  const dbName = await cloneTemplate();
  const config = loadConfig(testEnv(dbName));
  const ctx = await servicesContext(config, modules, { pgOptions: '-c synchronous_commit=off' });
  const dataSource = ctx.get(DataSource);
  const staffId = randomUUID();
  await dataSource.query(
    `INSERT INTO users (id, email, name, password_hash, roles) VALUES ($1, $2, 'Staff', 'x', '{staff}')`,
    [staffId, `staff-${staffId}@frirom.no`],
  );
  return {
    ctx,
    dataSource,
    get: (type) => ctx.get(type),
    staff: { id: staffId, roles: ['staff'] } as unknown as AuthUser,
    close: async () => {
      await ctx.close();
      await dropDatabase(dbName);
    },
  };
}

const EVERY_DAY = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, opens: '08:00', closes: '23:00' }));

/** A school with a gym and a hall split into two courts, all open every day 08–23. */
export async function venueWorld(
  w: ServiceWorld,
): Promise<{ gym: string; hall: string; courtA: string; courtB: string }> {
  const building = await w.get(BuildingsService).create({ name: 'Testskolen', kind: 'school' } as never);
  const rooms = w.get(RoomsService);
  const room = async (name: string, extra: Record<string, unknown> = {}) => {
    const r = await rooms.create({
      buildingId: building.id,
      name,
      kind: 'gym',
      capacity: 60,
      ...extra,
    } as never);
    await rooms.setOpeningHours(r.id, { hours: EVERY_DAY });
    return r.id;
  };
  const gym = await room('Gymsal');
  const hall = await room('Hall', { kind: 'hall', capacity: 200 });
  const courtA = await room('Bane A', { parentRoomId: hall });
  const courtB = await room('Bane B', { parentRoomId: hall });
  return { gym, hall, courtA, courtB };
}

/** A verified sports club, by SQL (organisations are not what these tests are about). */
export async function organisation(w: ServiceWorld, name = 'Testklubben'): Promise<string> {
  const id = randomUUID();
  await w.dataSource.query(
    `INSERT INTO organisations (id, org_number, name, kind, status, in_frivillighetsregisteret, municipality_number, email)
     VALUES ($1, $2, $3, 'sports', 'verified', true, '3218', 'post@klubb.no')`,
    [id, String(900000000 + Math.floor(Math.random() * 99999999)).slice(0, 9), name],
  );
  return id;
}
