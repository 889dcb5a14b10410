import { useId } from 'react';

interface DayFieldProps {
  label: string;
  value: string;
  onChange: (day: string) => void;
}

/** "As on" a calendar day; an emptied field means nothing, so it is ignored. */
export function DayField({ label, value, onChange }: DayFieldProps) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="date"
        value={value}
        onChange={(e) => {
          if (e.target.value) onChange(e.target.value);
        }}
      />
    </div>
  );
}
