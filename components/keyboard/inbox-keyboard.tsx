'use client';

import { useCallback, useState } from 'react';
import type { Role } from '@/lib/auth/roles';
import { CommandPalette } from './command-palette';
import { ShortcutsHelp } from './shortcuts-help';
import { useInboxShortcuts } from './use-inbox-shortcuts';

/** The inbox's keyboard layer: shortcuts, the command palette and the `?` help. */
export function InboxKeyboard({ role }: { role: Role }) {
  const [open, setOpen] = useState<'palette' | 'help' | null>(null);
  const openPalette = useCallback(() => setOpen('palette'), []);
  const openHelp = useCallback(() => setOpen('help'), []);
  useInboxShortcuts({ openPalette, openHelp });
  return (
    <>
      <CommandPalette open={open === 'palette'} onClose={() => setOpen(null)} role={role} onShowShortcuts={openHelp} />
      <ShortcutsHelp open={open === 'help'} onClose={() => setOpen(null)} />
    </>
  );
}
