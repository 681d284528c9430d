import { Module } from '@nestjs/common';
import { RegisterClient } from './register.client';

/** Enhetsregisteret: one client (and so one circuit breaker) per process. */
@Module({ providers: [RegisterClient], exports: [RegisterClient] })
export class RegisterModule {}
