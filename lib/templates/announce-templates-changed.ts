import 'server-only';
import { EVERYONE } from '@/lib/live/audiences';
import { publishLiveEventAfterWrite } from '@/lib/live/publish-live-event';

/** Every templates page (and template picker) follows a change made through the app. */
export function announceTemplatesChanged(): Promise<void> {
  return publishLiveEventAfterWrite({ kind: 'templates.changed', data: {}, audience: EVERYONE });
}
