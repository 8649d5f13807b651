/** A failure in words, announced to screen readers (role="alert"). */
export function ErrorMessage({ children }: { readonly children: string }) {
  return (
    <p role="alert" className="error">
      {children}
    </p>
  );
}
