// A real SMTP server in-process, used by the mail benchmark and by the tests (test/support re-exports it).
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  messageId: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  headers: Map<string, unknown>;
}

export interface SinkOptions {
  /** Refuse this many deliveries with a temporary error (451) before accepting. */
  refuseFirst?: number;
  /** Refuse every delivery while this is true. */
  refuseAll?: boolean;
  /** Wait this long before answering each delivery (mails in flight). */
  delayMs?: number;
}

/** A real SMTP server in the test process; what arrives is parsed with mailparser. */
export class SmtpSink {
  readonly mails: ReceivedMail[] = [];
  refused = 0;
  private server!: SMTPServer;
  port = 0;

  constructor(readonly options: SinkOptions = {}) {}

  get url(): string {
    return `smtp://127.0.0.1:${this.port}?pool=false`;
  }

  async start(port = 0): Promise<this> {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData: (stream, _session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          const answer = async (): Promise<void> => {
            if (this.options.delayMs) await new Promise((r) => setTimeout(r, this.options.delayMs));
            if (this.options.refuseAll || this.refused < (this.options.refuseFirst ?? 0)) {
              this.refused += 1;
              const error = new Error('Try again later') as Error & { responseCode: number };
              error.responseCode = 451;
              return callback(error);
            }
            const parsed = await simpleParser(Buffer.concat(chunks));
            this.mails.push({
              messageId: parsed.messageId ?? '',
              to: Array.isArray(parsed.to) ? parsed.to.map((a) => a.text).join(',') : (parsed.to?.text ?? ''),
              subject: parsed.subject ?? '',
              text: parsed.text ?? '',
              html: typeof parsed.html === 'string' ? parsed.html : '',
              headers: parsed.headers,
            });
            callback();
          };
          void answer();
        });
      },
    });
    await new Promise<void>((resolve) => this.server.listen(port, '127.0.0.1', resolve));
    this.port = (this.server.server.address() as { port: number }).port;
    return this;
  }

  to(address: string): ReceivedMail[] {
    return this.mails.filter((m) => m.to.includes(address));
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
