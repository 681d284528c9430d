import { Injectable } from '@nestjs/common';
import * as argon2 from 'argon2';
import { DataSource, EntityManager, In } from 'typeorm';
import { Role } from '../common/auth/roles';
import { DomainError, isUniqueViolation, notFound } from '../common/errors/domain-error';
import { Page, PageQuery } from '../common/http/pagination';
import { inTransaction } from '../database/transaction';
import { OrganisationMember } from '../organisations/organisation-member.entity';
import { BuildingCaretaker } from '../venues/building-caretaker.entity';
import { Building } from '../venues/building.entity';
import { UpdateUserDto, UserView } from './dto/auth.dto';
import { assertAcceptablePassword } from './passwords/password-policy';
import { AuditAction } from './audit/audit-event.entity';
import { AuditService } from './audit/audit.service';
import { SessionsService } from './sessions.service';
import { User } from './user.entity';

export interface CreateOptions {
  /** Apply the password rules (every API path); the seed and the first admin from the environment skip them. */
  checkPassword?: boolean;
  /** Who made the user, for the audit log (an admin; unset for registration and the seed). */
  actorUserId?: string;
  /** The OpenID provider whose sign-in made the user, for the audit log. */
  provider?: string;
}

export interface NewUser {
  email: string;
  name: string;
  /** null: an account made at an OpenID sign-in, which has no password until a reset sets one. */
  password: string | null;
  roles: Role[];
  /** The address is known to be the person's (an OpenID provider said email_verified). */
  emailConfirmed?: boolean;
  phone?: string | null;
  locale?: 'nb' | 'en';
  buildingIds?: string[];
}

@Injectable()
export class UsersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly sessions: SessionsService,
    private readonly audit: AuditService,
  ) {}

  async create(input: NewUser, manager?: EntityManager, options: CreateOptions = {}): Promise<User> {
    if (options.checkPassword && input.password !== null) assertAcceptablePassword(input.password, input);
    const passwordHash = input.password === null ? null : await argon2.hash(input.password);
    const work = async (m: EntityManager): Promise<User> => {
      const user = await m.getRepository(User).save({
        email: input.email.toLowerCase(),
        name: input.name,
        phone: input.phone ?? null,
        passwordHash,
        roles: input.roles,
        locale: input.locale ?? 'nb',
        emailConfirmedAt: input.emailConfirmed ? new Date() : null,
      });
      if (input.buildingIds?.length) await this.assignBuildings(m, user.id, input.roles, input.buildingIds);
      await this.audit.record(
        {
          action: 'user_created',
          userId: user.id,
          actorUserId: options.actorUserId,
          details: { roles: input.roles, ...(options.provider && { provider: options.provider }) },
        },
        m,
      );
      return user;
    };
    try {
      return await inTransaction(this.dataSource, manager, work);
    } catch (error) {
      if (isUniqueViolation(error, 'users_email_key')) {
        throw new DomainError('EMAIL_TAKEN', 'A user with this e-mail address exists already');
      }
      throw error;
    }
  }

  async update(id: string, dto: UpdateUserDto, actorUserId?: string): Promise<UserView> {
    await this.dataSource.transaction(async (m) => {
      const user = await m.findOneBy(User, { id });
      if (!user) throw notFound('User');
      const { buildingIds, ...fields } = dto;
      const changes = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
      if (Object.keys(changes).length > 0) await m.update(User, id, changes);
      const record = (action: AuditAction, details: Record<string, unknown> = {}) =>
        this.audit.record({ action, userId: id, actorUserId, details }, m);
      // Deactivating ends every token and browser session now, not when they expire.
      if (dto.active === false) {
        const ended = await this.sessions.revokeAllOf(id, m);
        if (user.active) await record('user_deactivated', { ended });
      }
      if (dto.active === true && !user.active) await record('user_reactivated');
      if (dto.roles && [...dto.roles].sort().join() !== [...user.roles].sort().join()) {
        await record('roles_changed', { from: user.roles, to: dto.roles });
      }
      const roles = dto.roles ?? user.roles;
      if (buildingIds !== undefined) {
        await m.delete(BuildingCaretaker, { userId: id });
        await this.assignBuildings(m, id, roles, buildingIds);
      } else if (!roles.includes('caretaker')) {
        await m.delete(BuildingCaretaker, { userId: id });
      }
    });
    return this.view(id);
  }

  async list(page: PageQuery): Promise<Page<UserView>> {
    const [users, total] = await this.dataSource.getRepository(User).findAndCount({
      order: { createdAt: 'ASC', id: 'ASC' },
      take: page.limit,
      skip: page.offset,
    });
    return { items: await this.views(users), total };
  }

  async findByEmail(email: string): Promise<User | null> {
    return this.dataSource.getRepository(User).findOneBy({ email: email.toLowerCase() });
  }

  async findById(id: string): Promise<User | null> {
    return this.dataSource.getRepository(User).findOneBy({ id });
  }

  async view(id: string): Promise<UserView> {
    const user = await this.findById(id);
    if (!user) throw notFound('User');
    const [view] = await this.views([user]);
    return view;
  }

  /** Users with what they are attached to: organisations they are a contact of, buildings they care for. */
  async views(users: User[]): Promise<UserView[]> {
    const ids = users.map((u) => u.id);
    const [memberships, caretaking] = ids.length
      ? await Promise.all([
          this.dataSource.getRepository(OrganisationMember).findBy({ userId: In(ids) }),
          this.dataSource.getRepository(BuildingCaretaker).findBy({ userId: In(ids) }),
        ])
      : [[], []];
    return users.map((u) => ({
      id: u.id,
      email: u.email,
      name: u.name,
      phone: u.phone,
      roles: u.roles,
      locale: u.locale,
      emailConfirmed: u.emailConfirmedAt !== null,
      active: u.active,
      organisationIds: memberships
        .filter((m) => m.userId === u.id)
        .map((m) => m.organisationId)
        .sort(),
      buildingIds: caretaking
        .filter((c) => c.userId === u.id)
        .map((c) => c.buildingId)
        .sort(),
    }));
  }

  private async assignBuildings(
    m: EntityManager,
    userId: string,
    roles: Role[],
    buildingIds: string[],
  ): Promise<void> {
    if (buildingIds.length === 0) return;
    if (!roles.includes('caretaker')) {
      throw new DomainError(
        'VALIDATION_FAILED',
        'buildingIds are for caretakers: give the user the caretaker role',
      );
    }
    const found = await m.countBy(Building, { id: In(buildingIds) });
    if (found !== buildingIds.length) throw notFound('Building');
    await m.insert(
      BuildingCaretaker,
      buildingIds.map((buildingId) => ({ userId, buildingId })),
    );
  }
}
