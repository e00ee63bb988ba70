import { type KeyboardEvent, useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { matchesQuery } from '../lib/fold';

/** A unit the picker offers. */
export interface PickableUnit {
  readonly id: string;
  readonly name: string;
}

interface UnitPickerProps {
  /** The control's id and description from its Field, so the label names the combobox. */
  readonly control: {
    id: string;
    'aria-describedby'?: string;
    'aria-invalid'?: boolean;
    required?: boolean;
  };
  readonly name: string;
  /** The units of the relevant date and level, already narrowed by the caller. */
  readonly units: readonly PickableUnit[];
  /** The chosen unit's id, '' for none. */
  readonly value: string;
  readonly onChange: (unitId: string) => void;
}

/**
 * A unit picker for lists of 150 and more: a combobox (WAI-ARIA 1.2, list autocomplete) whose list is
 * filtered as one types, without diacritics ("phuong le chan" finds "Phường Lê Chân") and by code.
 * Arrow keys move through the list, Enter chooses, Escape closes it.
 */
export function UnitPicker({ control, name, units, value, onChange }: UnitPickerProps) {
  const { t } = useTranslation();
  const listId = useId();
  const chosen = units.find((unit) => unit.id === value);
  const [query, setQuery] = useState(chosen?.name ?? '');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  // The chosen unit shown by name, also when the caller sets or clears it.
  useEffect(() => setQuery(chosen?.name ?? ''), [chosen?.name]);
  const matches = useMemo(
    () =>
      chosen !== undefined && query === chosen.name
        ? units
        : units.filter((unit) => matchesQuery(`${unit.name} ${unit.id}`, query)),
    [units, query, chosen],
  );
  const optionId = (index: number) => `${listId}-${index}`;
  const choose = (unit: PickableUnit) => {
    onChange(unit.id);
    setQuery(unit.name);
    setOpen(false);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive(open ? (active + step + matches.length) % Math.max(matches.length, 1) : 0);
      setOpen(true);
    } else if (event.key === 'Enter' && open && matches[active] !== undefined) {
      event.preventDefault();
      choose(matches[active]);
    } else if (event.key === 'Escape') {
      setOpen(false);
    }
  };
  const expanded = open && matches.length > 0;
  return (
    <div className="unit-picker">
      <input
        {...control}
        name={name}
        type="text"
        role="combobox"
        autoComplete="off"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        {...(expanded ? { 'aria-activedescendant': optionId(active) } : {})}
        placeholder={t('steering.unitPicker.placeholder')}
        value={query}
        onChange={(event) => {
          setQuery(event.target.value);
          setActive(0);
          setOpen(true);
          if (value !== '') onChange('');
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
      />
      <div id={listId} role="listbox" aria-label={t('steering.unitPicker.list')} hidden={!expanded}>
        {matches.map((unit, index) => (
          // A pointer chooses on mouse down, before the input's blur closes the list.
          <div
            key={unit.id}
            id={optionId(index)}
            role="option"
            tabIndex={-1}
            aria-selected={unit.id === value}
            className={index === active ? 'active' : undefined}
            data-unit={unit.id}
            onMouseDown={(event) => {
              event.preventDefault();
              choose(unit);
            }}
          >
            {unit.name} ({unit.id})
          </div>
        ))}
      </div>
      {open && matches.length === 0 && (
        <p className="hint" role="status">
          {t('steering.unitPicker.none')}
        </p>
      )}
    </div>
  );
}
