// The page's microphone tap, on the audio thread: averages the capture down to the call's rate (the
// average is the anti-aliasing filter) and posts 20 ms frames of 16-bit samples to the page.
class MicrophoneTap extends AudioWorkletProcessor {
  constructor() {
    super();
    this.targetRate = 16000;
    this.phase = 0;
    this.sum = 0;
    this.count = 0;
    this.frame = new Int16Array(this.targetRate / 50);
    this.filled = 0;
    this.port.onmessage = (event) => {
      if (event.data.targetRate && event.data.targetRate !== this.targetRate) {
        this.targetRate = event.data.targetRate;
        this.frame = new Int16Array(this.targetRate / 50);
        this.filled = 0;
      }
    };
  }

  process(inputs) {
    const channel = inputs[0] && inputs[0][0];
    if (!channel) {
      return true;
    }
    const step = sampleRate / this.targetRate; // input samples per output sample
    for (let i = 0; i < channel.length; i++) {
      this.sum += channel[i];
      this.count++;
      this.phase += 1;
      if (this.phase >= step) {
        this.phase -= step;
        const value = Math.max(-1, Math.min(1, this.sum / this.count));
        this.sum = 0;
        this.count = 0;
        this.frame[this.filled++] = Math.round(value * 32767);
        if (this.filled === this.frame.length) {
          this.port.postMessage({ rate: this.targetRate, samples: this.frame }, [this.frame.buffer]);
          this.frame = new Int16Array(this.targetRate / 50);
          this.filled = 0;
        }
      }
    }
    return true;
  }
}

registerProcessor('microphone-tap', MicrophoneTap);
