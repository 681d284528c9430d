import { ApiErrors } from '../../common/errors/api-errors';
import { Body, Controller, HttpCode, Post, Req } from '@nestjs/common';
import { ApiAcceptedResponse, ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { CurrentUser, Public } from '../../common/auth/decorators';
import { AuthUser } from '../../common/auth/roles';
import { clientAddress } from '../auth.controller';
import { ChangePasswordDto, PasswordResetConfirmDto, PasswordResetDto } from '../dto/auth.dto';
import { PasswordsService } from './passwords.service';

@ApiTags('auth')
@Controller('auth')
export class PasswordsController {
  constructor(private readonly passwords: PasswordsService) {}

  @Post('password')
  @HttpCode(204)
  @ApiOperation({ summary: 'Change my password; every other token and session of mine ends' })
  @ApiNoContentResponse()
  @ApiErrors(
    'WRONG_PASSWORD',
    'PASSWORD_TOO_SHORT',
    'PASSWORD_TOO_LONG',
    'PASSWORD_TOO_COMMON',
    'PASSWORD_LIKE_IDENTITY',
  )
  async change(@CurrentUser() caller: AuthUser, @Body() dto: ChangePasswordDto, @Req() req: Request) {
    await this.passwords.change(caller, dto.currentPassword, dto.newPassword, clientAddress(req));
  }

  @Public()
  @Post('password-reset')
  @HttpCode(202)
  @ApiOperation({
    summary: 'Mail a single-use link, valid one hour, to reset the password',
    description: 'Answers 202 whether or not the address belongs to anyone.',
  })
  @ApiAcceptedResponse()
  async requestReset(@Body() dto: PasswordResetDto, @Req() req: Request): Promise<Record<string, never>> {
    await this.passwords.requestReset(dto.email, clientAddress(req));
    return {};
  }

  @Public()
  @Post('password-reset/confirm')
  @HttpCode(204)
  @ApiOperation({ summary: 'Set a new password from the mailed link; older links and sessions end' })
  @ApiNoContentResponse()
  @ApiErrors(
    'INVALID_RESET_TOKEN',
    'PASSWORD_TOO_SHORT',
    'PASSWORD_TOO_LONG',
    'PASSWORD_TOO_COMMON',
    'PASSWORD_LIKE_IDENTITY',
  )
  async confirmReset(@Body() dto: PasswordResetConfirmDto, @Req() req: Request) {
    await this.passwords.confirmReset(dto.token, dto.password, clientAddress(req));
  }
}
