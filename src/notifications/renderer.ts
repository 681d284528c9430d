import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../config/config';
import Handlebars from 'handlebars';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MESSAGE_KINDS, MessageKind } from './message-kinds';

type Part = 'subject' | 'text' | 'html';
type Compiled = Record<Part, HandlebarsTemplateDelegate>;

export const TEMPLATE_DIR = join(__dirname, 'templates');
export const LOCALES = ['nb', 'en'] as const;

/**
 * Renders a message from its templates (templates/<kind>/<part>.<locale>.hbs). The HTML part escapes
 * what it is given; text and subject do not. All templates are read and compiled once, at start, so a
 * missing one stops the worker rather than a mail.
 */
@Injectable()
export class Renderer {
  private readonly templates = new Map<string, Compiled>();
  private readonly hbs = Handlebars.create();

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.hbs.registerHelper('eq', (a: unknown, b: unknown) => a === b);
    for (const kind of MESSAGE_KINDS) {
      for (const locale of LOCALES) {
        const read = (part: Part, noEscape: boolean) =>
          this.hbs.compile(readFileSync(join(TEMPLATE_DIR, kind, `${part}.${locale}.hbs`), 'utf8'), {
            noEscape,
            strict: false,
          });
        this.templates.set(`${kind}/${locale}`, {
          subject: read('subject', true),
          text: read('text', true),
          html: read('html', false),
        });
      }
    }
  }

  render(kind: string, locale: 'nb' | 'en', data: object): { subject: string; text: string; html: string } {
    const compiled = this.templates.get(`${kind}/${locale}`) ?? this.templates.get(`${kind}/nb`);
    if (!compiled) throw new Error(`No templates for message kind ${kind}`);
    const context = { municipality: this.config.municipalityName, ...data };
    return {
      subject: compiled.subject(context).trim(),
      text: compiled.text(context),
      html: compiled.html(context),
    };
  }
}

export const isMessageKind = (kind: string): kind is MessageKind =>
  (MESSAGE_KINDS as readonly string[]).includes(kind);
