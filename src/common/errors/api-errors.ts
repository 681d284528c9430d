import { ApiExtension } from '@nestjs/swagger';
import { ErrorCode } from './error-codes';

/** Where @ApiErrors leaves its codes for the OpenAPI post-processing (src/openapi-contract.ts). */
export const ERROR_CODES_EXTENSION = 'x-error-codes';

/**
 * The error codes a route gives beyond those the OpenAPI document derives by itself (400 for bodies
 * and queries, 401/403 from @Public/@Roles, 400 INVALID_ID and 404 for path ids): name the conflicts
 * and refusals of its use case, e.g. @ApiErrors('BOOKING_CONFLICT', 'INVALID_STATE').
 */
export const ApiErrors = (...codes: ErrorCode[]): MethodDecorator =>
  ApiExtension(ERROR_CODES_EXTENSION, codes);
