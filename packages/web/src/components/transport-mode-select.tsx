import { Select, type SelectProps } from 'antd';
import { useTransportModes } from '../app/use-transport-modes';

type TransportModeSelectProps = Omit<SelectProps<string | string[]>, 'options'>;

/** A lane's transport mode (or several, with `mode="multiple"`), named in the UI language. */
export function TransportModeSelect(props: TransportModeSelectProps) {
  const { options } = useTransportModes();
  return <Select options={options} {...props} />;
}
