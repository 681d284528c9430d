import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';
import { Roles } from '../../common/auth/decorators';
import { Page, PageOf, PageQuery } from '../../common/http/pagination';
import { AUDIT_ACTIONS, AuditAction } from './audit-event.entity';
import { AuditEventView, AuditService } from './audit.service';

class AuditQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'Events about this user or done by them' })
  @IsOptional()
  @IsUUID('all')
  userId?: string;
}

class AuditEventDto implements AuditEventView {
  @ApiProperty() id!: string;
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({ enum: AUDIT_ACTIONS }) action!: AuditAction;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) userId!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) actorUserId!: string | null;
  @ApiProperty({ nullable: true, type: String }) address!: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true }) details!: Record<string, unknown>;
}

@ApiTags('admin')
@Controller('admin/audit')
@Roles('admin')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @ApiOperation({
    summary: 'The account audit log: sign-ins, failures, password changes and resets, roles, deactivations',
  })
  @ApiOkResponse({ type: PageOf(AuditEventDto) })
  list(@Query() query: AuditQuery): Promise<Page<AuditEventView>> {
    return this.audit.list(query);
  }
}
