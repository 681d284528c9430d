import { ApiErrors } from '../common/errors/api-errors';
import { Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { DataSource } from 'typeorm';
import { Roles } from '../common/auth/decorators';
import { DomainError, notFound } from '../common/errors/domain-error';
import { IdParam } from '../common/http/id-param';
import { PageOf, PageQuery } from '../common/http/pagination';
import { formatInstant } from '../common/time';
import { updateReturning } from '../database/transaction';
import { OUTBOX_STATUSES, OutboxStatus } from './outbox-message.entity';

class OutboxQuery extends PageQuery {
  @ApiPropertyOptional({ enum: OUTBOX_STATUSES })
  @IsOptional()
  @IsIn(OUTBOX_STATUSES)
  status?: OutboxStatus;
}

class OutboxView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() kind!: string;
  @ApiProperty() toEmail!: string;
  @ApiProperty({ enum: OUTBOX_STATUSES }) status!: OutboxStatus;
  @ApiProperty() attempts!: number;
  @ApiProperty({ nullable: true, type: String }) lastError!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) sentAt!: string | null;
  @ApiProperty({ description: 'The Message-ID the mail carries' }) messageId!: string;
}

interface Row {
  id: string;
  kind: string;
  to_email: string;
  status: OutboxStatus;
  attempts: number;
  last_error: string | null;
  created_at: Date;
  sent_at: Date | null;
  total: string;
}

const toView = (r: Row): OutboxView => ({
  id: r.id,
  kind: r.kind,
  toEmail: r.to_email,
  status: r.status,
  attempts: r.attempts,
  lastError: r.last_error,
  createdAt: formatInstant(r.created_at),
  sentAt: r.sent_at ? formatInstant(r.sent_at) : null,
  messageId: `<${r.id}@frirom>`,
});

/** Staff see what the outbox holds (the failed mails above all) and send a failed one again. */
@ApiTags('admin')
@Controller('admin/outbox')
@Roles('staff')
export class OutboxAdminController {
  constructor(private readonly dataSource: DataSource) {}

  @Get()
  @ApiOperation({ summary: 'Outbox messages, newest first; status=failed shows what did not go out' })
  @ApiOkResponse({ type: PageOf(OutboxView) })
  async list(@Query() q: OutboxQuery): Promise<{ items: OutboxView[]; total: number }> {
    const rows = await this.dataSource.query<Row[]>(
      `SELECT id, kind, to_email, status, attempts, last_error, created_at, sent_at, count(*) OVER () AS total
         FROM outbox_messages WHERE ($1::text IS NULL OR status = $1)
        ORDER BY created_at DESC, id LIMIT $2 OFFSET $3`,
      [q.status ?? null, q.limit, q.offset],
    );
    return { items: rows.map(toView), total: rows.length > 0 ? Number(rows[0].total) : 0 };
  }

  @Post(':id/retry')
  @HttpCode(200)
  @ApiOperation({ summary: 'Send a failed message again (a fresh job; the same Message-ID)' })
  @ApiOkResponse({ type: OutboxView })
  @ApiErrors('INVALID_STATE')
  async retry(@IdParam() id: string): Promise<OutboxView> {
    const [row] = await updateReturning<Row>(
      this.dataSource.manager,
      `UPDATE outbox_messages SET status = 'pending', generation = generation + 1, attempts = 0, queued_at = NULL
        WHERE id = $1 AND status = 'failed'
        RETURNING id, kind, to_email, status, attempts, last_error, created_at, sent_at, 1 AS total`,
      [id],
    );
    if (row) {
      await this.dataSource.query(`SELECT pg_notify('outbox', '')`);
      return toView(row);
    }
    const [exists] = await this.dataSource.query<unknown[]>('SELECT 1 FROM outbox_messages WHERE id = $1', [
      id,
    ]);
    if (!exists) throw notFound('Outbox message');
    throw new DomainError('INVALID_STATE', 'Only failed messages can be retried');
  }
}
