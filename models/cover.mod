/* Backbones: the per-group COVER MODEL, max-coverage form (epsilon-constraint on size).

   Which backbone B of at most K neurons covers the most instances of one group?

   This is the plain model that CoverModel.maxCoverage(budget: K) builds
   (Sources/BackboneCore/CoverModel.swift; DESIGN.md "Exact models", 1).  The Swift
   model adds two solver aids that do not change the optimum -- clique rows and, for
   q = 1, fixing the neurons every transaction activates; see docs/models.md.

   Data: CoverModel.gmplData(budget:) (Sources/BackboneCore/GMPLData.swift).
   Run:  glpsol --model models/cover.mod --data group.dat [--output solution.txt]     */

/* ---- data ---------------------------------------------------------------------- */

set L;                          # layers, numbered 1..m
set N;                          # neurons that occur in at least one transaction of the
                                # group (a neuron nobody activates can never help)
param layer{N} in L;            # layer of each neuron

set T;                          # distinct transactions of the group (t0, t1, ...)
set A{T} within N;              # the neurons transaction t activates
param w{T} integer, > 0;        # how many instances of the group have transaction t

param q > 0, <= 1;              # coverage share
param need{T, L} integer, >= 0, default 0;
                                # neurons of layer l that B must hold to cover t:
                                #   max(1, ceil(q * |t & L_l|)) if t activates something in l,
                                #   0 otherwise.  Computed in Swift (CoverageRule), so the
                                #   rounding lives in one place.
param K integer, >= 0;          # size budget

/* ---- sanity checks on the data (they do not re-derive the rounding) ------------- */

param active{t in T, l in L} := card({i in A[t]: layer[i] = l});
check{t in T, l in L: active[t, l] = 0}: need[t, l] = 0;
check{t in T, l in L: active[t, l] > 0}:
    need[t, l] >= 1 and need[t, l] <= active[t, l]
    and need[t, l] >= q * active[t, l] - 1e-6 and need[t, l] < q * active[t, l] + 1;
check{t in T, l in L: q = 1}: need[t, l] = active[t, l];

/* ---- variables ------------------------------------------------------------------ */

var x{N} binary;                # x[i] = 1: neuron i is in the backbone B
var z{T} binary;                # z[t] = 1: B covers transaction t (all w[t] instances)

/* ---- coverage rows -------------------------------------------------------------- */

# q = 1 (B covers t iff t is a subset of B): the disaggregated rows.  They imply the
# per-layer rows below and their LP relaxation is tighter (z[t] <= min x rather than
# z[t] <= mean x).
s.t. cover_neuron{t in T, i in A[t]: q = 1}:
    z[t] <= x[i];

# q < 1: in every layer where t activates something, B holds need[t, l] of those neurons.
s.t. cover_layer{t in T, l in L: q < 1 and need[t, l] > 0}:
    need[t, l] * z[t] <= sum{i in A[t]: layer[i] = l} x[i];

/* ---- size budget and objective -------------------------------------------------- */

s.t. size:
    sum{i in N} x[i] <= K;

maximize covered:
    sum{t in T} w[t] * z[t];

solve;

printf "backbone:";
printf{i in N: x[i] > 0.5} " %d", i;
printf "\n";
printf "covered instances: %d of %d\n", sum{t in T} w[t] * z[t], sum{t in T} w[t];

end;
