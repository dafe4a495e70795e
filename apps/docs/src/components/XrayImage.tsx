import { type ReactElement, useEffect, useRef } from 'react';

export interface XrayImageProps {
  /** 28 × 28 grey levels, row-major. */
  pixels: Uint8Array;
  alt: string;
  scale?: number;
}

/** Draws one 28 × 28 MedMNIST image, enlarged without smoothing, from the reader's own copy of the data. */
export default function XrayImage({ pixels, alt, scale = 4 }: XrayImageProps): ReactElement {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const canvas = ref.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) return;
    const image = ctx.createImageData(28, 28);
    for (let i = 0; i < 28 * 28; i++) {
      const v = pixels[i] ?? 0;
      image.data[4 * i] = v;
      image.data[4 * i + 1] = v;
      image.data[4 * i + 2] = v;
      image.data[4 * i + 3] = 255;
    }
    ctx.putImageData(image, 0, 0);
  }, [pixels]);
  return (
    <canvas
      ref={ref}
      width={28}
      height={28}
      role="img"
      aria-label={alt}
      style={{ width: 28 * scale, height: 28 * scale, imageRendering: 'pixelated' }}
    />
  );
}
