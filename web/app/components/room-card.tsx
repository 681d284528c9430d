import { Card, Heading, Link, Paragraph, Tag } from '@digdir/designsystemet-react';
import { Link as RouterLink } from 'react-router';
import { type MessageKey, useT } from '../i18n/i18n';

export interface RoomSummary {
  id: string;
  name: string;
  kind: string;
  capacity: number;
  accessible: boolean;
  buildingName: string;
  /** Who can have it free, in words; null when no rule makes it free. */
  freeFor: string | null;
}

/** A room in a list of results: its name (a link to its page), building, capacity, and who may have it free. */
export function RoomCard({ room }: { room: RoomSummary }) {
  const t = useT();
  return (
    <Card data-color="neutral" className="stack">
      <Heading level={3} data-size="xs">
        <Link asChild>
          <RouterLink to={`/lokaler/${room.id}`}>{room.name}</RouterLink>
        </Link>
      </Heading>
      <Paragraph data-size="sm">
        {room.buildingName} · {t(`roomKind.${room.kind}` as MessageKey)} ·{' '}
        {t('common.people', { count: room.capacity })}
      </Paragraph>
      <div className="form-row">
        {room.accessible && (
          <Tag data-color="info" data-size="sm">
            {t('common.accessible')}
          </Tag>
        )}
        {room.freeFor && (
          <Tag data-color="success" data-size="sm">
            {t('rooms.freeFor', { rules: room.freeFor })}
          </Tag>
        )}
      </div>
    </Card>
  );
}
