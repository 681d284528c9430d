import { Module } from '@nestjs/common';
import { RegisterChecks } from './register-checks';
import { RegisterClient } from './register.client';

/** Enhetsregisteret: one client (and so one circuit breaker) per process. */
@Module({ providers: [RegisterClient], exports: [RegisterClient] })
export class RegisterModule {}

/** The worker's side: the repeatable checks of unchecked and verified organisations. */
@Module({ imports: [RegisterModule], providers: [RegisterChecks] })
export class RegisterWorkerModule {}
