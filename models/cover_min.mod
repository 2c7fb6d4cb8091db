/* Backbones: the per-group COVER MODEL, twin form (smallest backbone).

   What is the smallest backbone B that covers at least C instances of one group?

   This is the plain model that CoverModel.minSize(covering: C) builds
   (Sources/BackboneCore/CoverModel.swift; DESIGN.md "Exact models", 1).  Its coverage
   rows are those of models/cover.mod; only the objective and the last row differ.  The
   Swift model additionally fixes, for q = 1 and C > 0, the neurons every transaction
   activates (a solver aid that does not change the optimum; see docs/models.md).

   Data: CoverModel.gmplData(covering:) (Sources/BackboneCore/GMPLData.swift).
   Run:  glpsol --model models/cover_min.mod --data group.dat [--output solution.txt]  */

/* ---- data (as in cover.mod, with C in place of K) -------------------------------- */

set L;                          # layers, numbered 1..m
set N;                          # neurons that occur in at least one transaction
param layer{N} in L;            # layer of each neuron

set T;                          # distinct transactions of the group (t0, t1, ...)
set A{T} within N;              # the neurons transaction t activates
param w{T} integer, > 0;        # how many instances of the group have transaction t

param q > 0, <= 1;              # coverage share
param need{T, L} integer, >= 0, default 0;
                                # max(1, ceil(q * |t & L_l|)) if t activates something in
                                # layer l, else 0 (computed in Swift by CoverageRule)
param C integer, >= 0;          # instances to cover

/* ---- sanity checks on the data --------------------------------------------------- */

param active{t in T, l in L} := card({i in A[t]: layer[i] = l});
check{t in T, l in L: active[t, l] = 0}: need[t, l] = 0;
check{t in T, l in L: active[t, l] > 0}:
    need[t, l] >= 1 and need[t, l] <= active[t, l]
    and need[t, l] >= q * active[t, l] - 1e-6 and need[t, l] < q * active[t, l] + 1;
check{t in T, l in L: q = 1}: need[t, l] = active[t, l];

/* ---- variables ------------------------------------------------------------------- */

var x{N} binary;                # x[i] = 1: neuron i is in the backbone B
var z{T} binary;                # z[t] = 1: B covers transaction t (all w[t] instances)

/* ---- coverage rows (identical to cover.mod) -------------------------------------- */

s.t. cover_neuron{t in T, i in A[t]: q = 1}:
    z[t] <= x[i];

s.t. cover_layer{t in T, l in L: q < 1 and need[t, l] > 0}:
    need[t, l] * z[t] <= sum{i in A[t]: layer[i] = l} x[i];

/* ---- coverage target and objective ------------------------------------------------ */

s.t. coverage:
    sum{t in T} w[t] * z[t] >= C;

minimize size:
    sum{i in N} x[i];

solve;

printf "backbone:";
printf{i in N: x[i] > 0.5} " %d", i;
printf "\n";
printf "covered instances: %d of %d\n", sum{t in T} w[t] * z[t], sum{t in T} w[t];

end;
