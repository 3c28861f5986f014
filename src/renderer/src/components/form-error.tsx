/** A message about the whole form (not one field), announced when it appears. */
export function FormError({ message }: { message: string | undefined }) {
  return message ? (
    <p className="field-error" role="alert">
      {message}
    </p>
  ) : null;
}
