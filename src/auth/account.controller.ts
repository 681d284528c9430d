import { ApiErrors } from '../common/errors/api-errors';
import { Body, Controller, Delete, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Public } from '../common/auth/decorators';
import { AuthUser } from '../common/auth/roles';
import { AccountService } from './account.service';
import { AccountExport, ConfirmEmailDto, DeleteAccountDto } from './dto/account.dto';
import { EmailConfirmationsService } from './email-confirmations.service';

/** A person's own data: confirm the address, download everything, delete the account. */
@ApiTags('auth')
@Controller('auth')
export class AccountController {
  constructor(
    private readonly account: AccountService,
    private readonly confirmations: EmailConfirmationsService,
  ) {}

  @Public()
  @Post('confirm-email')
  @ApiErrors('EMAIL_CONFIRMATION_INVALID', 'EMAIL_CONFIRMATION_EXPIRED')
  @HttpCode(204)
  @ApiOperation({ summary: 'Confirm an e-mail address with the token from the welcome mail (works once)' })
  @ApiNoContentResponse({ description: 'The address is confirmed' })
  async confirmEmail(@Body() dto: ConfirmEmailDto): Promise<void> {
    await this.confirmations.confirm(dto.token);
  }

  @Get('me/export')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Download what frirom holds about you (JSON)' })
  @ApiOkResponse({ type: AccountExport })
  export(@CurrentUser() caller: AuthUser): Promise<AccountExport> {
    return this.account.export(caller);
  }

  @Delete('me')
  @ApiBearerAuth()
  @HttpCode(204)
  @ApiOperation({
    summary:
      'Delete your account (body: your own e-mail address, to confirm): personal data goes, bookings stay without a person; the last contact of an organisation must hand it over first',
  })
  @ApiNoContentResponse({ description: 'The account is deleted; its tokens stop working' })
  @ApiErrors('LAST_CONTACT')
  async delete(@Body() dto: DeleteAccountDto, @CurrentUser() caller: AuthUser): Promise<void> {
    await this.account.delete(caller, dto.email);
  }
}
