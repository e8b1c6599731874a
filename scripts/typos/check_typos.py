"""Consistency checks for lexicons/typos: duplicates, loops, hits in train targets, examples (simulated matcher)."""
import glob
import sys

import yaml

sys.path.insert(0,'src')
from termcheck.text import segment

ents=[]
for f in sorted(glob.glob('lexicons/typos/*.yaml')):
    ents+=yaml.safe_load(open(f))['entries']
L=lambda v:[v] if isinstance(v,str) else v
W={}
for e in ents:
    for w in L(e['wrong']): W.setdefault(w,[]).append(e)
rights=set(r for e in ents for r in L(e['right']))
print('entries',len(ents),'wrongs',len(W),'dups',[w for w,l in W.items() if len(l)>1][:5])
print('loops/chains', [w for w in W if w in rights][:10])
tg=[l.rstrip('\n').split('\t')[2] for f in sorted(glob.glob('/work/shared/data/*_train.tsv')) for l in open(f) if l.count('\t')==2]
alltext='\n'.join(tg)
hits=[w for w in W if w in alltext]
print('target sentences:',len(tg),'wrong forms found in train targets:',len(hits),hits[:20])
# other lexicons' correct forms
other=set()
for f in sorted(glob.glob('lexicons/*/*.yaml')):
    if '/typos/' in f: continue
    try: d=yaml.safe_load(open(f))
    except Exception as ex: print('skip',f,ex); continue
    for e in d.get('entries') or []:
        for k in ('right','term','aliases','name','lookalikes','members','allowed','suggest'):
            v=e.get(k)
            if v: other.update(L(v))
        for t in e.get('titles') or []: other.add(t.get('title'))
        if e.get('kind')=='substitution':
            for w in L(e['wrong']):
                if w in W: print('same wrong in other lexicon',f,w)
print('wrong == correct form of other lexicon:',[w for w in W if w in other])
import ahocorasick

A=ahocorasick.Automaton()
for w in W: A.add_word(w,w)
A.make_automaton()
def find(t):
    found=set()
    for end,w in A.iter(t):
        st=end-len(w)+1
        for e2 in W[w]:
            if e2.get('boundary')=='word' and not segment.on_word_boundaries(t,st,end+1): continue
            found.add(e2['id'])
    return found
bad=0
for e in ents:
    for ex in e.get('examples',[]):
        if set(ex['expect'])!=find(ex['text']):
            bad+=1; print(e['id'],ex['text'],ex['expect'],sorted(find(ex['text'])))
    for r in L(e['right']):
        if find(r): print('RIGHT FLAGGED',e['id'],r,find(r)); bad+=1
    for w in L(e['wrong']):
        if e['id'] not in find(w): print('WRONG NOT FLAGGED',e['id'],w); bad+=1
# other lexicons' correct forms alone flagged by us?
for o in sorted(other):
    if o and find(o): print('OTHER FORM FLAGGED',o,find(o)); bad+=1
print('bad',bad)
