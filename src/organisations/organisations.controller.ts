import { ApiErrors } from '../common/errors/api-errors';
import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiExtraModels, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../common/auth/decorators';
import { AuthUser } from '../common/auth/roles';
import { IdParam } from '../common/http/id-param';
import { Page, PageOf, PageQuery } from '../common/http/pagination';
import {
  CreateOrganisationDto,
  FieldChangeView,
  OrganisationEventView,
  OrganisationNameView,
  OrganisationQuery,
  OrganisationView,
  UpdateOrganisationDto,
} from './dto/organisation.dto';
import { RegisterLookupView } from './dto/register-lookup.dto';
import { OrganisationSupportView, SupportQuery } from './dto/support.dto';
import { OrganisationsService } from './organisations.service';
import { SupportStatementService } from './support-statement.service';

@ApiTags('organisations')
@ApiExtraModels(FieldChangeView)
@Controller('organisations')
export class OrganisationsController {
  constructor(
    private readonly organisations: OrganisationsService,
    private readonly support: SupportStatementService,
  ) {}

  @Post()
  @Roles('applicant', 'staff')
  @ApiOperation({
    summary: 'Register an organisation; you become its contact; status pending until verified',
    description:
      'Checked against Enhetsregisteret: its name, municipality and Frivillighetsregisteret flag are stored, ' +
      'the kind defaults to the one its organisation form suggests. Refused: 404 NOT_IN_REGISTER, ' +
      '409 REGISTER_MISMATCH (details: [{field, claimed, register}]), 409 BANKRUPT_IN_REGISTER, ' +
      '410 DELETED_IN_REGISTER. When the register cannot be reached the claims are stored with ' +
      "registerStatus 'unchecked' (name, kind and inFrivillighetsregisteret then required, else 503 " +
      'REGISTER_UNAVAILABLE) and the worker checks it later.',
  })
  @ApiCreatedResponse({ type: OrganisationView })
  @ApiErrors(
    'INVALID_ORG_NUMBER',
    'ORG_NUMBER_TAKEN',
    'NOT_IN_REGISTER',
    'DELETED_IN_REGISTER',
    'BANKRUPT_IN_REGISTER',
    'REGISTER_MISMATCH',
    'REGISTER_UNAVAILABLE',
  )
  create(@Body() dto: CreateOrganisationDto, @CurrentUser() user: AuthUser): Promise<OrganisationView> {
    return this.organisations.create(dto, user);
  }

  @Get()
  @Roles('applicant', 'staff')
  @ApiOperation({ summary: 'Organisations: staff see all, others those they are a contact of' })
  @ApiOkResponse({ type: PageOf(OrganisationView) })
  list(@Query() q: OrganisationQuery, @CurrentUser() user: AuthUser): Promise<Page<OrganisationView>> {
    return this.organisations.list(q, user);
  }

  @Get('names')
  @Roles('applicant', 'staff')
  @ApiOperation({
    summary: 'Organisations by name only: the same list and filters as GET /organisations, each {id, name}',
    description: "For pickers and filters, such as staff's inbox: none of the full view's lookups",
  })
  @ApiOkResponse({ type: PageOf(OrganisationNameView) })
  names(@Query() q: OrganisationQuery, @CurrentUser() user: AuthUser): Promise<Page<OrganisationNameView>> {
    return this.organisations.names(q, user);
  }

  @Get('lookup/:orgNumber')
  @ApiErrors('INVALID_ORG_NUMBER', 'NOT_IN_REGISTER', 'DELETED_IN_REGISTER', 'REGISTER_UNAVAILABLE')
  @ApiOperation({
    summary:
      'What Enhetsregisteret holds for an organisation number, with the kind its form suggests (signed in)',
    description:
      'Kinds suggested from organisasjonsform: FLI, STI → voluntary; AS, ASA, ENK, ANS, DA, NUF → commercial; ' +
      'KOMM, FYLK, STAT, ORGL, KF, IKS → public; other forms → null. 400 INVALID_ORG_NUMBER (check digit), ' +
      '404 NOT_IN_REGISTER, 410 DELETED_IN_REGISTER (details: orgNumber, deleted, deletedOn), ' +
      '503 REGISTER_UNAVAILABLE when the register does not answer. Answers are cached for a day.',
  })
  @ApiOkResponse({ type: RegisterLookupView })
  lookup(@Param('orgNumber') orgNumber: string): Promise<RegisterLookupView> {
    return this.organisations.lookup(orgNumber);
  }

  @Get(':id')
  @Roles('applicant', 'staff')
  @ApiOperation({ summary: "One organisation (someone else's answers 404)" })
  @ApiOkResponse({ type: OrganisationView })
  get(@IdParam() id: string, @CurrentUser() user: AuthUser): Promise<OrganisationView> {
    return this.organisations.get(id, user);
  }

  @Get(':id/support')
  @Roles('applicant', 'staff')
  @ApiOperation({
    summary: "A year's support statement: hours, list value, waived and charged, by building and month",
    description:
      "From the approved bookings starting in the Oslo year (a season's once it is published), as the " +
      "organisation's public page counts them; for its contacts and staff (404 for others, as every " +
      "organisation's own things).",
  })
  @ApiOkResponse({ type: OrganisationSupportView })
  supportStatement(
    @IdParam() id: string,
    @Query() q: SupportQuery,
    @CurrentUser() user: AuthUser,
  ): Promise<OrganisationSupportView> {
    return this.support.statement(id, q.year, user);
  }

  @Patch(':id')
  @Roles('applicant', 'staff')
  @ApiOperation({
    summary:
      'Edit an organisation (its contacts, staff). A contact changing kind, inFrivillighetsregisteret or municipalityNumber of a verified organisation sends it back to pending',
  })
  @ApiOkResponse({ type: OrganisationView })
  update(
    @IdParam() id: string,
    @Body() dto: UpdateOrganisationDto,
    @CurrentUser() user: AuthUser,
  ): Promise<OrganisationView> {
    return this.organisations.update(id, dto, user);
  }

  @Post(':id/verify')
  @Roles('staff')
  @HttpCode(200)
  @ApiOperation({ summary: 'Verify an organisation so it may book (staff)' })
  @ApiOkResponse({ type: OrganisationView })
  verify(@IdParam() id: string, @CurrentUser() user: AuthUser): Promise<OrganisationView> {
    return this.organisations.verify(id, user);
  }

  @Get(':id/history')
  @Roles('staff')
  @ApiOperation({
    summary: "The organisation's history, newest first: changes old → new, verifications, contacts (staff)",
  })
  @ApiOkResponse({ type: PageOf(OrganisationEventView) })
  history(@IdParam() id: string, @Query() page: PageQuery): Promise<Page<OrganisationEventView>> {
    return this.organisations.history(id, page);
  }
}
