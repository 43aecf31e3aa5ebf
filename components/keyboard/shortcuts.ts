/** Every inbox shortcut, as the `?` help lists them; the handler is use-inbox-shortcuts.ts. */
export const SHORTCUTS = [
  { keys: ['j'], description: 'Next conversation' },
  { keys: ['k'], description: 'Previous conversation' },
  { keys: ['r'], description: 'Reply to the open conversation' },
  { keys: ['n'], description: 'Write a private note' },
  { keys: ['l'], description: 'Label the open conversation (Space ticks a label)' },
  { keys: ['s'], description: 'Snooze the open conversation' },
  { keys: ['t'], description: 'Transfer the open conversation' },
  { keys: ['e'], description: 'Close the open conversation' },
  { keys: ['/'], description: 'Search conversations' },
  { keys: ['Esc'], description: 'Leave the message box or search (then shortcuts work again)' },
  { keys: ['Ctrl', 'K'], description: 'Command palette: go to a page or find a conversation (⌘K on a Mac)' },
  { keys: ['?'], description: 'Show these shortcuts' },
] as const;
