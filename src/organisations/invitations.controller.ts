import { ApiErrors } from '../common/errors/api-errors';
import { Body, Controller, Delete, HttpCode, Post } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentUser, Roles } from '../common/auth/decorators';
import { AuthUser } from '../common/auth/roles';
import { IdParam } from '../common/http/id-param';
import { AcceptInvitationDto, InvitationAccepted, InviteDto } from './dto/invitation.dto';
import { InvitationsService } from './invitations.service';

/** Contacts are invited, never added: the invitee accepts the mailed link while signed in. */
@ApiTags('organisations')
@Controller()
export class InvitationsController {
  constructor(private readonly invitations: InvitationsService) {}

  @Post('organisations/:id/invitations')
  @ApiErrors('TOO_MANY_INVITATIONS')
  @Roles('applicant', 'staff')
  @HttpCode(202)
  @ApiOperation({
    summary:
      'Invite someone to become a contact (a contact of it, staff): mails a single-use link valid 7 days; 202 whether or not the address has an account',
  })
  @ApiAcceptedResponse({ description: 'The invitation is mailed' })
  async invite(@IdParam() id: string, @Body() dto: InviteDto, @CurrentUser() user: AuthUser): Promise<void> {
    await this.invitations.invite(id, dto.email, dto.handOver ?? false, user);
  }

  @Post('invitations/accept')
  @HttpCode(200)
  @ApiOperation({ summary: 'Accept an invitation (signed in): you become a contact; the token works once' })
  @ApiOkResponse({ type: InvitationAccepted })
  @ApiErrors('INVITATION_INVALID', 'INVITATION_USED', 'INVITATION_EXPIRED')
  accept(@Body() dto: AcceptInvitationDto, @CurrentUser() user: AuthUser): Promise<InvitationAccepted> {
    return this.invitations.accept(dto.token, user);
  }

  @Delete('organisations/:id/members/me')
  @Roles('applicant', 'staff')
  @HttpCode(204)
  @ApiOperation({ summary: 'Stop being a contact of the organisation; the last contact cannot' })
  @ApiNoContentResponse({ description: 'You are no longer a contact' })
  @ApiErrors('LAST_CONTACT')
  async leave(@IdParam() id: string, @CurrentUser() user: AuthUser): Promise<void> {
    await this.invitations.leave(id, user);
  }
}
