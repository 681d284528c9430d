import { ApiErrors } from '../common/errors/api-errors';
import { Body, Controller, Get, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../common/auth/decorators';
import { AuthUser } from '../common/auth/roles';
import { IdParam } from '../common/http/id-param';
import { Page, PageOf } from '../common/http/pagination';
import { CreateRuleDto, RuleDetailView, RuleQuery, RuleView, UpdateRuleDto } from './dto/exemption-rule.dto';
import { ExemptionRulesService } from './exemption-rules.service';

@ApiTags('fees')
@Controller('exemption-rules')
export class ExemptionRulesController {
  constructor(private readonly rules: ExemptionRulesService) {}

  @Post()
  @Roles('staff')
  @ApiOperation({
    summary: 'Make an exemption rule, version 1 (staff)',
    description: 'A rule that could never apply or says something impossible answers 400 INVALID_RULE.',
  })
  @ApiCreatedResponse({ type: RuleView })
  @ApiErrors('INVALID_RULE')
  create(@Body() dto: CreateRuleDto, @CurrentUser() user: AuthUser): Promise<RuleView> {
    return this.rules.create(dto, user);
  }

  @Get()
  @Roles('staff', 'analyst')
  @ApiOperation({ summary: 'The current version of every rule, in rank order; filter validOn' })
  @ApiOkResponse({ type: PageOf(RuleView) })
  list(@Query() q: RuleQuery): Promise<Page<RuleView>> {
    return this.rules.list(q);
  }

  @Get(':id')
  @Roles('staff', 'analyst')
  @ApiOperation({ summary: 'The current version of a rule, with every version before it' })
  @ApiOkResponse({ type: RuleDetailView })
  get(@IdParam() id: string): Promise<RuleDetailView> {
    return this.rules.get(id);
  }

  @Patch(':id')
  @Roles('staff')
  @ApiOperation({
    summary: 'Edit a rule: writes its next version (staff)',
    description:
      'Fields left out keep their value; conditions and effect, when given, replace the current ones. ' +
      'Earlier versions stay, as occurrences priced by them name them.',
  })
  @ApiOkResponse({ type: RuleView })
  @ApiErrors('INVALID_RULE')
  update(
    @IdParam() id: string,
    @Body() dto: UpdateRuleDto,
    @CurrentUser() user: AuthUser,
  ): Promise<RuleView> {
    return this.rules.update(id, dto, user);
  }
}
