import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuthUser, isStaff } from '../common/auth/roles';
import { DomainError, isUniqueViolation, notFound } from '../common/errors/domain-error';
import { Page, PageQuery } from '../common/http/pagination';
import { APP_CONFIG, AppConfig } from '../config/config';
import { isValidOrgNumber, normalizeOrgNumber } from '../core/org-number';
import { suggestKind } from '../core/register';
import { fieldChanges, touchesPricedFacts } from '../core/pricing';
import { Outbox } from '../notifications/outbox.service';
import {
  CreateOrganisationDto,
  OrganisationEventView,
  OrganisationQuery,
  OrganisationNameView,
  OrganisationView,
  UpdateOrganisationDto,
} from './dto/organisation.dto';
import { RegisterLookupView } from './dto/register-lookup.dto';
import { OrganisationMember } from './organisation-member.entity';
import { checkContact, contactOf } from './contact-access';
import { listEvents, recordEvent } from './organisation-history';
import { organisationViews } from './organisation-views';
import { Organisation } from './organisation.entity';
import { resolveFacts, usableFacts } from './register/register-check';
import { RegisterClient } from './register/register.client';

@Injectable()
export class OrganisationsService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly register: RegisterClient,
    private readonly outbox: Outbox,
  ) {}

  /** Registers an organisation; the caller becomes its contact. It books once staff have verified it. */
  async create(dto: CreateOrganisationDto, caller: AuthUser): Promise<OrganisationView> {
    const orgNumber = checkedOrgNumber(dto.orgNumber);
    checkMembers(dto.membersTotal, dto.membersUnder25);
    // Before asking the register: a number registered already needs no call.
    if (await this.dataSource.getRepository(Organisation).existsBy({ orgNumber })) throw orgNumberTaken();
    const answer = await this.register.lookup(orgNumber).catch((error: unknown) => {
      if (error instanceof DomainError && error.code === 'REGISTER_UNAVAILABLE') return null;
      throw error;
    });
    const facts = resolveFacts(dto, answer);
    try {
      const id = await this.dataSource.transaction(async (m) => {
        const saved = await m.getRepository(Organisation).save({
          orgNumber,
          name: facts.name,
          kind: facts.kind,
          inFrivillighetsregisteret: facts.inFrivillighetsregisteret,
          municipalityNumber: facts.municipalityNumber,
          email: dto.email,
          phone: dto.phone ?? null,
          website: facts.website,
          description: dto.description ?? null,
          membersTotal: dto.membersTotal ?? null,
          membersUnder25: dto.membersUnder25 ?? null,
          status: 'pending',
          verifiedAt: null,
          registerStatus: facts.registerFacts ? 'checked' : 'unchecked',
          registerCheckedAt: facts.registerFacts ? new Date() : null,
          registerFacts: facts.registerFacts,
        });
        await m.insert(OrganisationMember, { organisationId: saved.id, userId: caller.id });
        return saved.id;
      });
      return this.get(id, caller);
    } catch (error) {
      if (isUniqueViolation(error, 'organisations_org_number_key')) throw orgNumberTaken();
      throw error;
    }
  }

  /** What Enhetsregisteret holds for a number, and the kind its organisation form suggests. */
  async lookup(orgNumber: string): Promise<RegisterLookupView> {
    const facts = usableFacts(await this.register.lookup(checkedOrgNumber(orgNumber)));
    return { ...facts, suggestedKind: suggestKind(facts.organisationForm) };
  }

  /**
   * Edits an organisation. A change by its own contact to a fact fees depend on (PRICED_ORGANISATION_FACTS)
   * sends a verified organisation back to pending until staff verify it again; staff editing the facts
   * keep it verified, since they are the ones who verify. Every change is written to its history, old →
   * new. Fees already stored on occurrences are not touched.
   */
  async update(id: string, dto: UpdateOrganisationDto, caller: AuthUser): Promise<OrganisationView> {
    await this.dataSource.transaction(async (m) => {
      // Locked, so a verification cannot slip in between reading the facts and changing them.
      const org = await m.findOne(Organisation, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!org) throw notFound('Organisation');
      await checkContact(m, id, caller, 'Organisation');
      const changes = fieldChanges(org, { ...dto });
      if (Object.keys(changes).length === 0) return;
      const next: Organisation = { ...org };
      for (const [field, change] of Object.entries(changes))
        (next as unknown as Record<string, unknown>)[field] = change.to;
      checkMembers(next.membersTotal, next.membersUnder25);
      const unverified = org.status === 'verified' && !isStaff(caller) && touchesPricedFacts(changes);
      if (unverified) Object.assign(next, { status: 'pending', verifiedAt: null });
      await m.save(Organisation, next);
      await recordEvent(m, id, 'updated', caller, { changes, unverified });
    });
    return this.get(id, caller);
  }

  /** Staff verify a pending organisation; its contacts are told by mail (through the outbox, at commit). */
  async verify(id: string, caller: AuthUser): Promise<OrganisationView> {
    await this.dataSource.transaction(async (m) => {
      const result = await m.update(
        Organisation,
        { id, status: 'pending' },
        { status: 'verified', verifiedAt: new Date() },
      );
      if (result.affected) {
        await recordEvent(m, id, 'verified', caller);
        const org = (await m.findOneBy(Organisation, { id }))!;
        const contacts = await this.outbox.organisationContacts(m, id);
        await this.outbox.add(
          m,
          contacts.map((to) => ({
            kind: 'organisation_verified' as const,
            to,
            data: { organisationName: org.name },
          })),
        );
      } else if (!(await m.existsBy(Organisation, { id }))) {
        throw notFound('Organisation');
      }
    });
    return this.get(id, caller);
  }

  /** The organisation's history, newest first (staff). */
  async history(id: string, page: PageQuery): Promise<Page<OrganisationEventView>> {
    if (!(await this.dataSource.getRepository(Organisation).existsBy({ id }))) throw notFound('Organisation');
    return listEvents(this.dataSource.manager, id, page);
  }

  async get(id: string, caller: AuthUser): Promise<OrganisationView> {
    const org = await this.visible(id, caller);
    const [view] = await this.views([org], caller);
    return view;
  }

  /** Staff see every organisation; anyone else only those they are a contact of. */
  async list(q: OrganisationQuery, caller: AuthUser): Promise<Page<OrganisationView>> {
    const [orgs, total] = await this.filtered(q, caller).getManyAndCount();
    return { items: await this.views(orgs, caller), total };
  }

  /** The same list, each only its id and name: for pickers and filters, without the views' lookups. */
  async names(q: OrganisationQuery, caller: AuthUser): Promise<Page<OrganisationNameView>> {
    const [orgs, total] = await this.filtered(q, caller).select(['o.id', 'o.name']).getManyAndCount();
    return { items: orgs.map((o) => ({ id: o.id, name: o.name })), total };
  }

  private filtered(q: OrganisationQuery, caller: AuthUser) {
    const qb = this.dataSource
      .getRepository(Organisation)
      .createQueryBuilder('o')
      .orderBy('o.name')
      .addOrderBy('o.id')
      .take(q.limit)
      .skip(q.offset);
    if (!isStaff(caller)) {
      qb.andWhere(contactOf('o.id', ':me'), { me: caller.id });
    }
    if (q.status) qb.andWhere('o.status = :status', { status: q.status });
    if (q.kind) qb.andWhere('o.kind = :kind', { kind: q.kind });
    if (q.registerStatus) qb.andWhere('o.register_status = :rs', { rs: q.registerStatus });
    return qb;
  }

  /** The organisation, when the caller may see it; someone else's answers 404, not 403. */
  private async visible(id: string, caller: AuthUser): Promise<Organisation> {
    const org = await this.dataSource.getRepository(Organisation).findOneBy({ id });
    if (!org) throw notFound('Organisation');
    await checkContact(this.dataSource.manager, id, caller, 'Organisation');
    return org;
  }

  private views(orgs: Organisation[], caller: AuthUser): Promise<OrganisationView[]> {
    return organisationViews(this.dataSource.manager, orgs, {
      homeMunicipalityNumber: this.config.homeMunicipalityNumber,
      forStaff: isStaff(caller),
    });
  }
}

function checkedOrgNumber(value: string): string {
  const orgNumber = normalizeOrgNumber(value);
  if (!isValidOrgNumber(orgNumber)) {
    throw new DomainError('INVALID_ORG_NUMBER', 'orgNumber must be 9 digits with a valid MOD11 check digit');
  }
  return orgNumber;
}

const orgNumberTaken = (): DomainError =>
  new DomainError('ORG_NUMBER_TAKEN', 'An organisation with this number is registered already');

function checkMembers(total?: number | null, under25?: number | null): void {
  if (total != null && under25 != null && under25 > total) {
    throw new DomainError('VALIDATION_FAILED', 'membersUnder25 cannot be more than membersTotal');
  }
}
