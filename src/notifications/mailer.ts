import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import nodemailer, { Transporter } from 'nodemailer';
import { APP_CONFIG, AppConfig } from '../config/config';

export interface Mail {
  /** The outbox id; the Message-ID is <id@frirom>, the same on every attempt. */
  id: string;
  to: string;
  /** The language it is written in, sent as Content-Language. */
  locale: 'nb' | 'en';
  subject: string;
  text: string;
  html: string;
}

/** Delivers mail by SMTP (SMTP_URL, pooled connections), or as .eml files in MAIL_DIR without one. */
@Injectable()
export class Mailer implements OnModuleDestroy {
  private readonly transport: Transporter;
  private readonly toFiles: boolean;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.toFiles = !config.smtpUrl;
    this.transport = config.smtpUrl
      ? nodemailer.createTransport(withPool(config.smtpUrl))
      : nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  }

  static messageId(id: string): string {
    return `<${id}@frirom>`;
  }

  async send(mail: Mail): Promise<void> {
    const info = (await this.transport.sendMail({
      from: this.config.mailFrom,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      messageId: Mailer.messageId(mail.id),
      // RFC 3834: no person sent this, so autoresponders and vacation replies stay quiet
      headers: { 'Auto-Submitted': 'auto-generated', 'Content-Language': mail.locale },
    })) as { message?: Buffer };
    if (this.toFiles) {
      await mkdir(this.config.mailDir, { recursive: true });
      await writeFile(join(this.config.mailDir, `${mail.id}.eml`), info.message ?? '');
    }
  }

  onModuleDestroy(): void {
    this.transport.close();
  }
}

/** Pooled SMTP connections unless the URL says otherwise: one worker sends hundreds a second. */
function withPool(url: string): string {
  if (/[?&]pool=/.test(url)) return url;
  return `${url}${url.includes('?') ? '&' : '?'}pool=true&maxConnections=4`;
}
