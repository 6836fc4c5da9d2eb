;; MinHash of a set of 32-bit hashes, four slots at a time (WebAssembly SIMD).
;;
;; `make wasm` assembles this file into `minhash.wasm`, which `minhash.ts`
;; loads. Per slot the value is the least `fmix32(hash ^ seed)` (MurmurHash3's
;; finaliser) over every hash, compared as unsigned numbers: the same values
;; as the scalar loop it replaces (test/minhash.test.ts checks both agree).
(module
  (memory (export "memory") 1)

  ;; $seeds: byte offset of `$slots` seeds (i32); $hashes: of `$count` hashes;
  ;; $out: where the `$slots` least values go. `$slots` is a multiple of 4 and
  ;; every offset a multiple of 16.
  (func (export "minhash") (param $seeds i32) (param $slots i32) (param $hashes i32) (param $count i32) (param $out i32)
    (local $slot i32) (local $end i32) (local $at i32) (local $seed v128) (local $least v128) (local $value v128)
    (local.set $end (i32.add (local.get $hashes) (i32.shl (local.get $count) (i32.const 2))))
    (block $slotsDone
      (loop $eachSlots
        (br_if $slotsDone (i32.ge_u (local.get $slot) (local.get $slots)))
        (local.set $seed (v128.load (i32.add (local.get $seeds) (i32.shl (local.get $slot) (i32.const 2)))))
        (local.set $least (v128.const i32x4 -1 -1 -1 -1))
        (local.set $at (local.get $hashes))
        (block $hashesDone
          (loop $eachHash
            (br_if $hashesDone (i32.ge_u (local.get $at) (local.get $end)))
            (local.set $value (v128.xor (i32x4.splat (i32.load (local.get $at))) (local.get $seed)))
            (local.set $value (v128.xor (local.get $value) (i32x4.shr_u (local.get $value) (i32.const 16))))
            (local.set $value (i32x4.mul (local.get $value) (v128.const i32x4 0x85ebca6b 0x85ebca6b 0x85ebca6b 0x85ebca6b)))
            (local.set $value (v128.xor (local.get $value) (i32x4.shr_u (local.get $value) (i32.const 13))))
            (local.set $value (i32x4.mul (local.get $value) (v128.const i32x4 0xc2b2ae35 0xc2b2ae35 0xc2b2ae35 0xc2b2ae35)))
            (local.set $value (v128.xor (local.get $value) (i32x4.shr_u (local.get $value) (i32.const 16))))
            (local.set $least (i32x4.min_u (local.get $least) (local.get $value)))
            (local.set $at (i32.add (local.get $at) (i32.const 4)))
            (br $eachHash)))
        (v128.store (i32.add (local.get $out) (i32.shl (local.get $slot) (i32.const 2))) (local.get $least))
        (local.set $slot (i32.add (local.get $slot) (i32.const 4)))
        (br $eachSlots)))))
