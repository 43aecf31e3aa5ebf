/**
 * A value to start a template variable from, when its name says whose name it is: the agent's
 * (`agent_name`, `rep`) or the customer's (`customer_name`, `name`, `first_name`). Numbered
 * variables (`1`, `2`) say nothing and start empty.
 */
export function prefillVariable(name: string, people: { customerName: string | null; agentName: string | null }): string {
  const n = name.toLowerCase();
  if (n.includes('agent') || n.includes('rep') || n.includes('staff')) return people.agentName ?? '';
  if (n.includes('customer') || n.includes('client') || n === 'name' || n === 'first_name') return people.customerName ?? '';
  return '';
}
