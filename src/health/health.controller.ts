import { Controller, Get, Inject, OnModuleDestroy, Res } from '@nestjs/common';
import {
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { Redis } from 'ioredis';
import { DataSource } from 'typeorm';
import { Public } from '../common/auth/decorators';
import { APP_CONFIG, AppConfig } from '../config/config';
import { createRedis, withTimeout } from '../jobs/redis';

class HealthAnswer {
  @ApiProperty({ enum: ['ok', 'unavailable'] }) status!: 'ok' | 'unavailable';
  @ApiProperty({ enum: ['up', 'down'] }) database!: 'up' | 'down';
  @ApiProperty({ enum: ['up', 'down'] }) redis!: 'up' | 'down';
}

const CHECK_TIMEOUT_MS = 1_500;

@ApiTags('health')
@Controller('health')
export class HealthController implements OnModuleDestroy {
  private readonly redis: Redis;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.redis = createRedis(config.redisUrl, false);
    this.redis.on('error', () => undefined); // reported by the check, not as a crash
  }

  @Public()
  @Get()
  @ApiOperation({ summary: 'Database and Redis reachable: 200, otherwise 503' })
  @ApiOkResponse({ type: HealthAnswer })
  @ApiServiceUnavailableResponse({ type: HealthAnswer })
  async check(@Res({ passthrough: true }) res: Response): Promise<HealthAnswer> {
    const [database, redis] = await Promise.all([
      withTimeout(this.dataSource.query('SELECT 1'), CHECK_TIMEOUT_MS).then(
        () => 'up' as const,
        () => 'down' as const,
      ),
      withTimeout(this.redis.ping(), CHECK_TIMEOUT_MS).then(
        () => 'up' as const,
        () => 'down' as const,
      ),
    ]);
    const ok = database === 'up' && redis === 'up';
    res.status(ok ? 200 : 503);
    return { status: ok ? 'ok' : 'unavailable', database, redis };
  }

  onModuleDestroy(): void {
    this.redis.disconnect();
  }
}
