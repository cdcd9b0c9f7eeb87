/** The optional reason a shopper gives for cancelling (the form field is `reason`). */
export function CancelReasonField() {
  return (
    <label className="flex flex-col gap-1.5 text-sm font-medium text-ink">
      Reason (optional)
      <select
        name="reason"
        defaultValue=""
        className="h-10 rounded-control border border-line-strong bg-surface px-3 text-sm font-normal"
      >
        <option value="">Prefer not to say</option>
        <option value="Ordered by mistake">Ordered by mistake</option>
        <option value="Found a better price">Found a better price</option>
        <option value="Delivery takes too long">Delivery takes too long</option>
        <option value="No longer needed">No longer needed</option>
      </select>
    </label>
  );
}
