import { useOwners } from '../lib/use-owners';

/** A <datalist> of the owners to suggest in an owner field (`list={id}`): the Settings staff first, then the data's. */
export function OwnerSuggestions({ id }: { id: string }) {
  const owners = useOwners();
  return (
    <datalist id={id}>
      {owners.map((name) => (
        <option key={name} value={name} />
      ))}
    </datalist>
  );
}
