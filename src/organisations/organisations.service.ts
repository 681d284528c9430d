import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import { User } from '../auth/user.entity';
import { AuthUser, isStaff } from '../common/auth/roles';
import { DomainError, isUniqueViolation, notFound } from '../common/errors/domain-error';
import { Page } from '../common/http/pagination';
import { formatInstant } from '../common/time';
import { APP_CONFIG, AppConfig } from '../config/config';
import { isValidOrgNumber, normalizeOrgNumber } from '../core/org-number';
import { Outbox } from '../notifications/outbox.service';
import {
  CreateOrganisationDto,
  OrganisationQuery,
  OrganisationView,
  UpdateOrganisationDto,
} from './dto/organisation.dto';
import { OrganisationMember } from './organisation-member.entity';
import { Organisation } from './organisation.entity';

@Injectable()
export class OrganisationsService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly outbox: Outbox,
  ) {}

  /** Registers an organisation; the caller becomes its contact. It books once staff have verified it. */
  async create(dto: CreateOrganisationDto, caller: AuthUser): Promise<OrganisationView> {
    const orgNumber = normalizeOrgNumber(dto.orgNumber);
    if (!isValidOrgNumber(orgNumber)) {
      throw new DomainError(
        'INVALID_ORG_NUMBER',
        'orgNumber must be 9 digits with a valid MOD11 check digit',
      );
    }
    checkMembers(dto.membersTotal, dto.membersUnder25);
    try {
      const id = await this.dataSource.transaction(async (m) => {
        const saved = await m.getRepository(Organisation).save({
          orgNumber,
          name: dto.name,
          kind: dto.kind,
          inFrivillighetsregisteret: dto.inFrivillighetsregisteret,
          municipalityNumber: dto.municipalityNumber ?? null,
          email: dto.email,
          phone: dto.phone ?? null,
          website: dto.website ?? null,
          description: dto.description ?? null,
          membersTotal: dto.membersTotal ?? null,
          membersUnder25: dto.membersUnder25 ?? null,
          status: 'pending',
          verifiedAt: null,
        });
        await m.insert(OrganisationMember, { organisationId: saved.id, userId: caller.id });
        return saved.id;
      });
      return this.get(id, caller);
    } catch (error) {
      if (isUniqueViolation(error, 'organisations_org_number_key')) {
        throw new DomainError('ORG_NUMBER_TAKEN', 'An organisation with this number is registered already');
      }
      throw error;
    }
  }

  async update(id: string, dto: UpdateOrganisationDto, caller: AuthUser): Promise<OrganisationView> {
    const org = await this.visible(id, caller);
    const next = { ...org, ...Object.fromEntries(Object.entries(dto).filter(([, v]) => v !== undefined)) };
    checkMembers(next.membersTotal, next.membersUnder25);
    await this.dataSource.getRepository(Organisation).save(next);
    return this.get(id, caller);
  }

  /** Staff verify a pending organisation; its contacts are told by mail (through the outbox, at commit). */
  async verify(id: string, caller: AuthUser): Promise<OrganisationView> {
    await this.dataSource.transaction(async (m) => {
      const result = await m
        .getRepository(Organisation)
        .update({ id, status: 'pending' }, { status: 'verified', verifiedAt: new Date() });
      if (result.affected) {
        const org = (await m.getRepository(Organisation).findOneBy({ id }))!;
        const contacts = await this.outbox.organisationContacts(m, id);
        await this.outbox.add(
          m,
          contacts.map((to) => ({
            kind: 'organisation_verified' as const,
            to,
            data: { organisationName: org.name },
          })),
        );
      } else if (!(await m.getRepository(Organisation).existsBy({ id }))) {
        throw notFound('Organisation');
      }
    });
    return this.get(id, caller);
  }

  async addMember(id: string, email: string, caller: AuthUser): Promise<OrganisationView> {
    await this.visible(id, caller);
    const user = await this.dataSource.getRepository(User).findOneBy({ email });
    if (!user)
      throw new DomainError('NOT_FOUND', 'No user with that e-mail address: they must register first');
    await this.dataSource
      .createQueryBuilder()
      .insert()
      .into(OrganisationMember)
      .values({ organisationId: id, userId: user.id })
      .orIgnore()
      .execute();
    return this.get(id, caller);
  }

  async get(id: string, caller: AuthUser): Promise<OrganisationView> {
    const org = await this.visible(id, caller);
    const [view] = await this.views([org]);
    return view;
  }

  /** Staff see every organisation; anyone else only those they are a contact of. */
  async list(q: OrganisationQuery, caller: AuthUser): Promise<Page<OrganisationView>> {
    const qb = this.dataSource
      .getRepository(Organisation)
      .createQueryBuilder('o')
      .orderBy('o.name')
      .addOrderBy('o.id')
      .take(q.limit)
      .skip(q.offset);
    if (!isStaff(caller)) {
      qb.andWhere('o.id IN (SELECT organisation_id FROM organisation_members WHERE user_id = :me)', {
        me: caller.id,
      });
    }
    if (q.status) qb.andWhere('o.status = :status', { status: q.status });
    if (q.kind) qb.andWhere('o.kind = :kind', { kind: q.kind });
    const [orgs, total] = await qb.getManyAndCount();
    return { items: await this.views(orgs), total };
  }

  /** Whether the caller acts for the organisation (a contact of it). */
  async isMember(
    organisationId: string,
    userId: string,
    m: EntityManager = this.dataSource.manager,
  ): Promise<boolean> {
    return m.existsBy(OrganisationMember, { organisationId, userId });
  }

  /** The organisation, when the caller may see it; someone else's answers 404, not 403. */
  private async visible(id: string, caller: AuthUser): Promise<Organisation> {
    const org = await this.dataSource.getRepository(Organisation).findOneBy({ id });
    if (!org || (!isStaff(caller) && !(await this.isMember(id, caller.id)))) throw notFound('Organisation');
    return org;
  }

  private async views(orgs: Organisation[]): Promise<OrganisationView[]> {
    const ids = orgs.map((o) => o.id);
    const members = ids.length
      ? await this.dataSource.getRepository(OrganisationMember).find({
          where: { organisationId: In(ids) },
          relations: { user: true },
          order: { addedAt: 'ASC' },
        })
      : [];
    return orgs.map((o) => ({
      id: o.id,
      orgNumber: o.orgNumber,
      name: o.name,
      kind: o.kind,
      inFrivillighetsregisteret: o.inFrivillighetsregisteret,
      municipalityNumber: o.municipalityNumber,
      local: o.municipalityNumber === this.config.homeMunicipalityNumber,
      email: o.email,
      phone: o.phone,
      website: o.website,
      description: o.description,
      membersTotal: o.membersTotal,
      membersUnder25: o.membersUnder25,
      status: o.status,
      verifiedAt: o.verifiedAt ? formatInstant(o.verifiedAt) : null,
      contacts: members
        .filter((m) => m.organisationId === o.id && m.user)
        .map((m) => ({ userId: m.userId, name: m.user!.name, email: m.user!.email, phone: m.user!.phone })),
    }));
  }
}

function checkMembers(total?: number | null, under25?: number | null): void {
  if (total != null && under25 != null && under25 > total) {
    throw new DomainError('VALIDATION_FAILED', 'membersUnder25 cannot be more than membersTotal');
  }
}
