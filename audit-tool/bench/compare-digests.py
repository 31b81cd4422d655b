# Compares two BenchmarkHarness --digest files (ports differ per run: a site is matched by its set of paths).
# usage: python3 compare-digests.py A.digest B.digest [px]   (px: also compare the screenshots' pixel hashes)
import re, sys, collections
def load(f, pixels):
    blocks = collections.OrderedDict(); cur = None
    for line in open(f):
        line = line.rstrip('\n')
        if not line.startswith('    '):
            m = re.match(r'(\d+w) http://127\.0\.0\.1:(\d+)(\S*) (.*)', line)
            cur = (m.group(2), m.group(3)); blocks[cur] = [m.group(1) + ' ' + m.group(4)]
        else:
            if not pixels: line = re.sub(r' pixels [0-9a-f]+\)', ')', line)
            blocks[cur].append(line)
    byport = collections.defaultdict(dict)
    for (port, path), v in blocks.items(): byport[port][path] = v
    # a site = its set of paths
    return {tuple(sorted(d)): d for d in byport.values()}
pixels = len(sys.argv) > 3
a = load(sys.argv[1], pixels); b = load(sys.argv[2], pixels)
assert set(a) == set(b), "different page sets"
diffs = 0; pages = 0
for site in a:
    for path in a[site]:
        pages += 1
        if a[site][path] != b[site][path]:
            diffs += 1
            import difflib
            print('DIFF', path)
            for l in difflib.unified_diff(a[site][path], b[site][path], lineterm='', n=0): print('  ', l)
print(f'{pages} pages, {diffs} differ', '(pixel hashes compared)' if pixels else '(screenshot presence and size compared)')
