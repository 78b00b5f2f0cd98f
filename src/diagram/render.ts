import type { Diagram, DiagramNode } from './model';

const escapeMermaid = (text: string) => text.replace(/"/g, '#quot;').replace(/\n/g, '<br/>');

function mermaidNode(node: DiagramNode): string {
  const label = `"${escapeMermaid(node.label)}"`;
  if (node.shape === 'bucket') return `${node.id}[(${label})]`;
  if (node.shape === 'service') return `${node.id}([${label}])`;
  return `${node.id}[${label}]`;
}

/** Mermaid flowchart (renders on GitHub and in most Markdown viewers). */
export function toMermaid(diagram: Diagram): string {
  const lines = ['flowchart LR'];
  for (const group of diagram.groups) {
    lines.push(`  subgraph ${group.id}["${escapeMermaid(group.label)}"]`);
    if (group.nodes.length === 0) lines.push(`    ${group.id}_empty[" "]`);
    for (const node of group.nodes) lines.push(`    ${mermaidNode(node)}`);
    lines.push('  end');
  }
  for (const node of diagram.nodes) lines.push(`  ${mermaidNode(node)}`);
  for (const edge of diagram.edges) {
    const arrow = edge.dashed ? '-.->' : '-->';
    lines.push(`  ${edge.from} ${edge.label ? `${arrow}|"${escapeMermaid(edge.label)}"|` : arrow} ${edge.to}`);
  }
  return `${lines.join('\n')}\n`;
}

const escapeDot = (text: string) => text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');

function dotNode(node: DiagramNode): string {
  const shape = node.shape === 'bucket' ? 'cylinder' : node.shape === 'service' ? 'box, style="rounded,filled", fillcolor="#e8f0fe"' : 'box';
  return `${node.id} [label="${escapeDot(node.label)}", shape=${shape}];`;
}

/** Graphviz DOT (`dot -Tsvg`). Edges between stacks join their first nodes (DOT has no group-to-group edges). */
export function toDot(diagram: Diagram): string {
  const lines = ['digraph deployment {', '  rankdir=LR;', '  compound=true;', '  node [fontname="Helvetica"];'];
  const anchor = new Map<string, string>();
  for (const group of diagram.groups) {
    lines.push(`  subgraph cluster_${group.id} {`, `    label="${escapeDot(group.label)}";`);
    const nodes = group.nodes.length > 0 ? group.nodes : [{ id: `${group.id}_empty`, label: '', shape: 'box' as const }];
    for (const node of nodes) lines.push(`    ${dotNode(node)}`);
    anchor.set(group.id, nodes[0].id);
    lines.push('  }');
  }
  for (const node of diagram.nodes) lines.push(`  ${dotNode(node)}`);
  for (const edge of diagram.edges) {
    const from = anchor.get(edge.from) ?? edge.from;
    const to = anchor.get(edge.to) ?? edge.to;
    const attrs = [edge.label ? `label="${escapeDot(edge.label)}"` : '', edge.dashed ? 'style=dashed' : '',
      anchor.has(edge.from) ? `ltail=cluster_${edge.from}` : '', anchor.has(edge.to) ? `lhead=cluster_${edge.to}` : ''].filter(Boolean);
    lines.push(`  ${from} -> ${to}${attrs.length ? ` [${attrs.join(', ')}]` : ''};`);
  }
  lines.push('}');
  return `${lines.join('\n')}\n`;
}
