import { z } from 'zod';
import { zSafeText } from '@/lib/text/control-characters';

// Labels as the API takes them and the screens show them. Shared by the server and the browser;
// no server imports here.

/** The palette: a label's colour is one of these names, never free CSS. */
export const LABEL_COLORS = ['slate', 'red', 'amber', 'green', 'teal', 'sky', 'indigo', 'violet', 'pink'] as const;
export type LabelColor = (typeof LABEL_COLORS)[number];

/** Chip classes per colour (spelled out so Tailwind keeps them). */
export const LABEL_CHIP_CLASSES: Record<LabelColor, string> = {
  slate: 'bg-slate-100 text-slate-800 ring-slate-300',
  red: 'bg-red-100 text-red-800 ring-red-300',
  amber: 'bg-amber-100 text-amber-900 ring-amber-300',
  green: 'bg-green-100 text-green-800 ring-green-300',
  teal: 'bg-teal-100 text-teal-800 ring-teal-300',
  sky: 'bg-sky-100 text-sky-800 ring-sky-300',
  indigo: 'bg-indigo-100 text-indigo-800 ring-indigo-300',
  violet: 'bg-violet-100 text-violet-800 ring-violet-300',
  pink: 'bg-pink-100 text-pink-800 ring-pink-300',
};

export const ZLabel = z
  .object({
    name: zSafeText().trim().min(1, 'Name the label.').max(40, 'Keep it within 40 characters.'),
    color: z.enum(LABEL_COLORS),
  })
  .strict();
export type TLabel = z.infer<typeof ZLabel>;

export type LabelView = TLabel & { id: string };

/** A conversation's labels, all at once (what the picker shows ticked). */
export const ZConversationLabels = z.object({ labelIds: z.array(z.string().min(1).max(64)).max(20).transform((ids) => [...new Set(ids)]) }).strict();

export function labelColor(color: string): LabelColor {
  return (LABEL_COLORS as readonly string[]).includes(color) ? (color as LabelColor) : 'slate';
}
