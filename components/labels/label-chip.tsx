import { LABEL_CHIP_CLASSES, type LabelView } from '@/lib/labels/label-schema';

export function LabelChip({ label }: { label: Pick<LabelView, 'name' | 'color'> }) {
  return (
    <span className={`inline-flex max-w-[10rem] shrink-0 items-center truncate rounded-full px-1.5 text-[11px] font-medium leading-5 ring-1 ring-inset ${LABEL_CHIP_CLASSES[label.color]}`} data-testid="label-chip">
      {label.name}
    </span>
  );
}
