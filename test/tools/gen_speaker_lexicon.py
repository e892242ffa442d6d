import sys
def rows(path):
    out=[]
    for l in open(path):
        if l.startswith('#'): continue
        out.append(l.rstrip('\n').split('\t'))
    return out[1:]
fn=rows('data/lexicon/first_names.tsv'); pf=rows('data/lexicon/name_prefixes.tsv')
G={'male':'NA_GENDER_MALE','female':'NA_GENDER_FEMALE','unknown':'NA_GENDER_UNKNOWN'}
K={'party':'Q_PREFIX_PARTY','descriptor':'Q_PREFIX_DESCRIPTOR','state':'Q_PREFIX_STATE'}
o=['/*',' * speaker_lexicon.c - GENERATED from data/lexicon/first_names.tsv and',' * data/lexicon/name_prefixes.tsv by test/tools/gen_speaker_lexicon.py (do not edit;',' * test/suites/speakers_corpus.sh checks they agree).  A stopgap until',' * scripts/gen-lexicon compiles every data/lexicon list.',' */','#include "quote_internal.h"','',
'const q_word_entry q_first_names[] = {']
o+=['\t{"%s", %s},'%(n,G[g]) for n,g in fn]
o+=['};','const uint32_t q_nfirst_names = %d;'%len(fn),'','const q_word_entry q_name_prefixes[] = {']
o+=['\t{"%s", %s},'%(n,K[k]) for n,k in pf]
o+=['};','const uint32_t q_nname_prefixes = %d;'%len(pf),'']
open(sys.argv[1],'w').write('\n'.join(o))
