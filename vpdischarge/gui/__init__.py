"""The Qt door into the pipeline. The only package that imports Qt."""
