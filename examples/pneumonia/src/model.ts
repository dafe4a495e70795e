import * as tfl from '@tensorflow/tfjs-layers';

/** What the model is, in words, for results.json and the README. */
export const MODEL_DESCRIPTION =
  'conv3×3(16)-BN-ReLU-maxpool2 → conv3×3(32)-BN-ReLU-maxpool2 → conv3×3(64)-BN-ReLU → global average pool → dense(1) logit';

/**
 * The classifier: three 3 × 3 convolutions of 16, 32 and 64 channels (no bias: batch normalisation
 * follows), each with batch normalisation and ReLU, 2 × 2 max pooling after the first two, global average
 * pooling and one dense output — the logit of pneumonia. 23,697 weights (23,473 trainable). Every
 * initialiser is seeded, so a seed fixes the starting point.
 */
export function buildModel(seed: number): tfl.Sequential {
  const he = (k: number) => tfl.initializers.heNormal({ seed: seed * 101 + k });
  const model = tfl.sequential();
  const block = (filters: number, k: number, first: boolean) => {
    model.add(
      tfl.layers.conv2d({
        ...(first ? { inputShape: [28, 28, 1] } : {}),
        filters,
        kernelSize: 3,
        padding: 'same',
        useBias: false,
        kernelInitializer: he(k),
      }),
    );
    model.add(tfl.layers.batchNormalization({ momentum: 0.9 }));
    model.add(tfl.layers.reLU());
  };
  block(16, 1, true);
  model.add(tfl.layers.maxPooling2d({ poolSize: 2, strides: 2 }));
  block(32, 2, false);
  model.add(tfl.layers.maxPooling2d({ poolSize: 2, strides: 2 }));
  block(64, 3, false);
  model.add(tfl.layers.globalAveragePooling2d({}));
  model.add(
    tfl.layers.dense({
      units: 1,
      kernelInitializer: tfl.initializers.glorotUniform({ seed: seed * 101 + 4 }),
    }),
  );
  return model;
}
